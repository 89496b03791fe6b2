using System.Globalization;

namespace Bench.Reports.Tests.Support;

/// <summary>Runs a fixture's tests under a given culture: de-DE writes 1,5 for 1.5, which must never reach a file.</summary>
public abstract class CultureFixture(string culture)
{
    protected string Culture { get; } = culture;

    private CultureInfo? saved;
    private CultureInfo? savedUi;

    [SetUp]
    public void SetCulture()
    {
        saved = CultureInfo.CurrentCulture;
        savedUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(Culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Culture);
    }

    [TearDown]
    public void RestoreCulture()
    {
        CultureInfo.CurrentCulture = saved!;
        CultureInfo.CurrentUICulture = savedUi!;
    }
}
