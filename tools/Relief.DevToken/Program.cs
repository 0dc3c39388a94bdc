using Relief.Identity;

// Prints a development token (local runs only), signed with the development key the app reads (created here if missing):
//   dotnet run --project tools/Relief.DevToken -- --role caseworker --area qingdao/shinan --sub 0042
// Options: --role (repeatable; applicant, caseworker, investigator, approver, department, supervisor, auditor,
// administrator), --area (repeatable; staff jurisdictions), --sub (operator or citizen id), --department (for the
// department role), --hours (lifetime, default 8), --key-file (default .relief/dev-signing-key, from the repository root).
var roles = new List<string>();
var areas = new List<string>();
string subject = "0001", keyFile = DevelopmentSigningKey.DefaultPath;
string? department = null;
int hours = 8;
for (int i = 0; i < args.Length; i++)
{
    string value = i + 1 < args.Length ? args[i + 1] : throw Usage($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--role": roles.Add(value); break;
        case "--area": areas.Add(value.ToLowerInvariant()); break;
        case "--sub": subject = value; break;
        case "--department": department = value; break;
        case "--hours": hours = int.TryParse(value, out var h) && h is >= 1 and <= 24 ? h : throw Usage("--hours: 1–24."); break;
        case "--key-file": keyFile = value; break;
        default: throw Usage($"unknown option {args[i]}.");
    }

    i++;
}

if (roles.Count == 0) throw Usage("at least one --role is required.");
var key = DevelopmentSigningKey.LoadOrCreate(keyFile);
Console.WriteLine(DevelopmentTokens.Issue(key, new TokenRequest(subject, roles, areas, department), TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(hours)));
return 0;

static ArgumentException Usage(string problem) =>
    new($"{problem} Usage: --role ROLE [--role ROLE…] [--area JURISDICTION…] [--sub ID] [--department NAME] [--hours N] [--key-file PATH]");
