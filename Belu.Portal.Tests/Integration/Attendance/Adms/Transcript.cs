using System.Text;

namespace Belu.Portal.Tests.Integration.Attendance.Adms;

/// <summary>Writes what a simulated machine sent and was answered, for reading after a run (bin/…/adms-transcripts).</summary>
internal static class Transcript
{
    public static void Write(string name, SimulatedMachine machine)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "adms-transcripts");
        Directory.CreateDirectory(folder);
        var text = new StringBuilder();
        foreach (var r in machine.Sent)
        {
            text.Append($"> {r.Method} {r.Target}    [{r.Fixture}]\n");
            if (r.Body.Length > 0)
            {
                text.Append(r.Body.Replace("\t", "\\t", StringComparison.Ordinal));
            }
            text.Append($"< {r.Status} {r.Answer.Replace("\t", "\\t", StringComparison.Ordinal).TrimEnd()}\n\n");
        }
        File.WriteAllText(Path.Combine(folder, name + ".txt"), text.ToString());
    }
}
