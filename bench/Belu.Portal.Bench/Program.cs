using Belu.Portal.Bench.Attlog;
using Belu.Portal.Bench.Common;
using Belu.Portal.Bench.Circuits;
using Belu.Portal.Bench.Excel;
using Belu.Portal.Bench.Push;
using Belu.Portal.Bench.Rush;
using Belu.Portal.Bench.Scale;
using Belu.Portal.Bench.Sign;
using Belu.Portal.Bench.Table;
using Belu.Portal.Bench.Users;

// Benchmarks of the portal; never part of the test suite. Figures and the commands that reproduce them are in
// docs/PERFORMANCE.md. Build once in Release, then run a scenario:
//   dotnet build -c Release bench/Belu.Portal.Bench
//   bench/Belu.Portal.Bench/bin/Release/net10.0/Belu.Portal.Bench <scenario> [arguments]
var scenarios = new Dictionary<string, (string Usage, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["rush"] = (RushBench.Usage, RushBench.RunAsync),
    ["excel"] = ("excel [streaming|closedxml] [rows] [output.xlsx]   one report writer on synthetic rows", ExcelWriterBench.RunAsync),
    ["scale"] = ("scale seed|letters|export ...   letters and exports at the size of a regency (run without arguments for help)", ScaleBench.RunAsync),
    ["push"] = ("push [--clients 500] [--boards 3] [--tokens 5] [--rate 5] [--events 250] [--screenshot board.png]   commit-to-receipt latency of live events", PushBench.RunAsync),
    ["attlog"] = (AttlogBench.Usage, AttlogBench.RunAsync),
    ["sign"] = (SignBench.Usage, SignBench.RunAsync),
    ["signers"] = (SignersBench.Usage, SignersBench.RunAsync),
    ["verify"] = (VerifyBench.Usage, VerifyBench.RunAsync),
    ["circuits"] = ("circuits [--boards 100] [--inbox 100] [--batch 10]   portal memory per Blazor circuit (board and inbox pages)", CircuitsBench.RunAsync),
    ["users"] = (UsersBench.Usage, UsersBench.RunAsync),
    ["restart"] = (RestartBench.Usage, RestartBench.RunAsync),
    ["table"] = (TableBench.Usage, TableBench.RunAsync),
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine("Belu.Portal.Bench <scenario> [arguments]");
    foreach (var (_, (usage, _)) in scenarios)
    {
        Console.Error.WriteLine("  " + usage);
    }
    return 2;
}

return await scenario.Run(args[1..]);
