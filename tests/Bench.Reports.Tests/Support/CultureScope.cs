using System.Globalization;

namespace Bench.Reports.Tests.Support;

/// <summary>Sets the current culture until disposed (for one-time setups, which run outside [SetUp]).</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo saved = CultureInfo.CurrentCulture;

    public CultureScope(string culture) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

    public void Dispose() => CultureInfo.CurrentCulture = saved;
}
