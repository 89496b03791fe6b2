using Bench.Cli.Running;
using Bench.Core.Results;
using Bench.Plans.Execution;

namespace Bench.Cli.Tests;

public class ConsoleProgressTests
{
    private static readonly PointSetpoint Nominal = new(230, 5, "1", 50, 100, "3P4W");

    [Test]
    public void A_long_reason_is_cut_on_the_terminal_and_the_transcript_gets_the_same_line()
    {
        var reason = "4 events programmed; " + string.Concat(Enumerable.Repeat("#1 dip 50 % Udin 200 ms L1: agrees | ", 20));
        var point = new PointResult("DIP", "power-quality", Nominal, null, null, 0, 0.2, Verdict.Pass) { Reason = reason, ErrorUnit = "% of Udin" };
        var terminal = new StringWriter();
        string? hooked = null;
        new ConsoleProgress(terminal, line => hooked = line).Report(new PointProgress(1, 6, point));
        var line = terminal.ToString().TrimEnd();
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.StartWith("[1/6] DIP").And.Contain("PASS  (4 events programmed; #1 dip"));
            Assert.That(line, Does.EndWith("… full reason in results.json)"));
            Assert.That(line.Length, Is.LessThan(reason.Length));
            Assert.That(hooked, Is.EqualTo(line));
        });
    }

    [Test]
    public void A_short_reason_is_printed_whole()
    {
        var point = new PointResult("P1", "active-energy", Nominal, 1, 1, null, 0.2, Verdict.Incomplete) { Reason = "reference timed out" };
        var terminal = new StringWriter();
        new ConsoleProgress(terminal).Report(new PointProgress(1, 1, point));
        Assert.That(terminal.ToString().TrimEnd(), Does.EndWith("INCOMPLETE  (reference timed out)"));
    }
}
