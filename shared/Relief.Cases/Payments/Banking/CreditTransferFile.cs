using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Relief.Cases.Payments.Banking;

/// <summary>
/// Writes an ISO 20022 customer credit-transfer initiation (<c>pain.001.001.03</c>): one group header with the message
/// id, the number of transactions and their control sum; one payment information block debiting the paying office;
/// one <c>CdtTrfTxInf</c> per transfer, in CNY. Only the elements a bank needs; amounts with two decimals.
/// </summary>
public static class CreditTransferFile
{
    /// <summary>The pain.001 namespace.</summary>
    public static readonly XNamespace Ns = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    /// <summary>Builds the file. Throws for an empty file or a transfer that is not positive and to the fen.</summary>
    public static string Write(string messageId, DateTimeOffset createdAt, DateOnly executionDate, DebtorAccount debtor, IReadOnlyList<CreditTransfer> transfers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(transfers);
        if (messageId.Length > 35) throw new ArgumentException("A message id has at most 35 characters.", nameof(messageId));
        if (transfers.Count == 0) throw new ArgumentException("A bank file holds at least one transfer.", nameof(transfers));
        foreach (CreditTransfer t in transfers)
        {
            if (t.Amount <= 0m || decimal.Round(t.Amount, 2) != t.Amount) throw new ArgumentException($"Transfer {t.EndToEndId}: the amount must be positive and to the fen.", nameof(transfers));
        }

        string count = transfers.Count.ToString(CultureInfo.InvariantCulture);
        string sum = Amount(transfers.Sum(t => t.Amount));
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "Document",
                new XElement(Ns + "CstmrCdtTrfInitn",
                    new XElement(Ns + "GrpHdr",
                        new XElement(Ns + "MsgId", messageId),
                        new XElement(Ns + "CreDtTm", createdAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
                        new XElement(Ns + "NbOfTxs", count),
                        new XElement(Ns + "CtrlSum", sum),
                        new XElement(Ns + "InitgPty", new XElement(Ns + "Nm", debtor.Name))),
                    new XElement(Ns + "PmtInf",
                        new XElement(Ns + "PmtInfId", messageId),
                        new XElement(Ns + "PmtMtd", "TRF"),
                        new XElement(Ns + "NbOfTxs", count),
                        new XElement(Ns + "CtrlSum", sum),
                        new XElement(Ns + "ReqdExctnDt", executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new XElement(Ns + "Dbtr", new XElement(Ns + "Nm", debtor.Name)),
                        new XElement(Ns + "DbtrAcct", new XElement(Ns + "Id", new XElement(Ns + "Othr", new XElement(Ns + "Id", debtor.Account)))),
                        new XElement(Ns + "DbtrAgt", new XElement(Ns + "FinInstnId", new XElement(Ns + "ClrSysMmbId", new XElement(Ns + "MmbId", debtor.BankCode)))),
                        transfers.Select(t => new XElement(Ns + "CdtTrfTxInf",
                            new XElement(Ns + "PmtId", new XElement(Ns + "EndToEndId", t.EndToEndId)),
                            new XElement(Ns + "Amt", new XElement(Ns + "InstdAmt", new XAttribute("Ccy", "CNY"), Amount(t.Amount))),
                            new XElement(Ns + "CdtrAgt", new XElement(Ns + "FinInstnId", new XElement(Ns + "ClrSysMmbId", new XElement(Ns + "MmbId", t.CreditorBankCode)))),
                            new XElement(Ns + "Cdtr", new XElement(Ns + "Nm", t.CreditorName)),
                            new XElement(Ns + "CdtrAcct", new XElement(Ns + "Id", new XElement(Ns + "Othr", new XElement(Ns + "Id", t.CreditorAccount)))),
                            new XElement(Ns + "RmtInf", new XElement(Ns + "Ustrd", t.Remittance))))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    /// <summary>Reads a file back (for the bank simulator and checks): message id and transfers; throws <see cref="FormatException"/> when malformed.</summary>
    public static (string MessageId, int Count, decimal ControlSum, IReadOnlyList<CreditTransfer> Transfers) Read(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException ex)
        {
            throw new FormatException("The credit-transfer file is not XML: " + ex.Message, ex);
        }

        XElement header = document.Root?.Element(Ns + "CstmrCdtTrfInitn")?.Element(Ns + "GrpHdr") ?? throw new FormatException("No pain.001 group header.");
        var transfers = document.Descendants(Ns + "CdtTrfTxInf").Select(t => new CreditTransfer(
            Required(t.Element(Ns + "PmtId")?.Element(Ns + "EndToEndId")),
            decimal.Parse(Required(t.Element(Ns + "Amt")?.Element(Ns + "InstdAmt")), CultureInfo.InvariantCulture),
            Required(t.Element(Ns + "Cdtr")?.Element(Ns + "Nm")),
            Required(t.Element(Ns + "CdtrAcct")?.Descendants(Ns + "Id").LastOrDefault()),
            Required(t.Element(Ns + "CdtrAgt")?.Descendants(Ns + "MmbId").FirstOrDefault()),
            t.Element(Ns + "RmtInf")?.Element(Ns + "Ustrd")?.Value ?? string.Empty)).ToArray();
        return (Required(header.Element(Ns + "MsgId")),
            int.Parse(Required(header.Element(Ns + "NbOfTxs")), CultureInfo.InvariantCulture),
            decimal.Parse(Required(header.Element(Ns + "CtrlSum")), CultureInfo.InvariantCulture),
            transfers);
    }

    private static string Required(XElement? element) => element?.Value ?? throw new FormatException("A required pain.001 element is missing.");

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
