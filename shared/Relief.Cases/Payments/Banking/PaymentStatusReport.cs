using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Relief.Cases.Payments.Banking;

/// <summary>The bank's answer for one transfer.</summary>
/// <param name="EndToEndId">The transfer.</param>
/// <param name="Status"><c>ACSC</c> (settled), <c>ACCP</c> (accepted), <c>RJCT</c> (rejected) …</param>
/// <param name="ReasonCode">For a rejection: <c>AC01</c> (incorrect account number), <c>AC04</c> (closed account) …</param>
public sealed record TransferStatus(string EndToEndId, string Status, string? ReasonCode)
{
    /// <summary>True when the bank credited (or accepted to credit) the account.</summary>
    public bool IsPaid => Status is "ACSC" or "ACCP" or "ACSP";

    /// <summary>True when the bank refused it.</summary>
    public bool IsRejected => Status == "RJCT";
}

/// <summary>
/// Reads and writes ISO 20022 payment status reports (<c>pain.002.001.03</c>): which file they answer
/// (<c>OrgnlMsgId</c>) and the status of each transfer, with a reason code for rejections.
/// </summary>
public static class PaymentStatusReport
{
    /// <summary>The pain.002 namespace.</summary>
    public static readonly XNamespace Ns = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";

    /// <summary>Reads a report; throws <see cref="FormatException"/> saying what is wrong when malformed.</summary>
    public static (string MessageId, string OriginalMessageId, IReadOnlyList<TransferStatus> Transfers) Read(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException ex)
        {
            throw new FormatException("The status report is not XML: " + ex.Message, ex);
        }

        XElement report = document.Root?.Element(Ns + "CstmrPmtStsRpt") ?? throw new FormatException("Not a pain.002.001.03 status report (no CstmrPmtStsRpt).");
        string messageId = report.Element(Ns + "GrpHdr")?.Element(Ns + "MsgId")?.Value ?? throw new FormatException("The status report has no GrpHdr/MsgId.");
        string original = report.Element(Ns + "OrgnlGrpInfAndSts")?.Element(Ns + "OrgnlMsgId")?.Value ?? throw new FormatException("The status report has no OrgnlGrpInfAndSts/OrgnlMsgId.");
        var transfers = report.Descendants(Ns + "TxInfAndSts").Select(t => new TransferStatus(
            t.Element(Ns + "OrgnlEndToEndId")?.Value ?? throw new FormatException("A TxInfAndSts has no OrgnlEndToEndId."),
            t.Element(Ns + "TxSts")?.Value ?? throw new FormatException("A TxInfAndSts has no TxSts."),
            t.Element(Ns + "StsRsnInf")?.Element(Ns + "Rsn")?.Element(Ns + "Cd")?.Value)).ToArray();
        return (messageId, original, transfers);
    }

    /// <summary>Writes a report (the bank simulator's side).</summary>
    public static string Write(string messageId, string originalMessageId, DateTimeOffset createdAt, IReadOnlyList<TransferStatus> transfers)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "Document",
                new XElement(Ns + "CstmrPmtStsRpt",
                    new XElement(Ns + "GrpHdr",
                        new XElement(Ns + "MsgId", messageId),
                        new XElement(Ns + "CreDtTm", createdAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))),
                    new XElement(Ns + "OrgnlGrpInfAndSts",
                        new XElement(Ns + "OrgnlMsgId", originalMessageId),
                        new XElement(Ns + "OrgnlMsgNmId", "pain.001.001.03")),
                    new XElement(Ns + "OrgnlPmtInfAndSts",
                        new XElement(Ns + "OrgnlPmtInfId", originalMessageId),
                        transfers.Select(t => new XElement(Ns + "TxInfAndSts",
                            new XElement(Ns + "OrgnlEndToEndId", t.EndToEndId),
                            new XElement(Ns + "TxSts", t.Status),
                            t.ReasonCode is null ? null : new XElement(Ns + "StsRsnInf", new XElement(Ns + "Rsn", new XElement(Ns + "Cd", t.ReasonCode)))))))));
        return document.Declaration + Environment.NewLine + document.ToString(SaveOptions.DisableFormatting);
    }
}
