using System.Text.Json;

using Bench.Dsp.Streaming;

namespace Bench.Cli.Analyze;

/// <summary>Writes the per-phase and interval objects of the "bench.analysis/1" schema (README); NaN becomes null.</summary>
public static class AnalysisJson
{
    public const string Schema = "bench.analysis/1";

    public const int HarmonicOrders = 50;

    public static readonly string[] PhaseNames = ["L1", "L2", "L3"];

    public static void Number(Utf8JsonWriter w, string name, double value, int decimals = 6)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, Math.Round(value, decimals));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void Phase(Utf8JsonWriter w, IntervalValues v, int p, double pst, double plt)
    {
        w.WriteStartObject();
        w.WriteString("name", PhaseNames[p]);
        Number(w, "uRmsV", v.UrmsV[p]);
        Number(w, "iRmsA", v.IrmsA[p]);
        Number(w, "pW", v.PW[p]);
        Number(w, "qVar", v.Q1Var[p]);
        Number(w, "sVA", v.SVA[p]);
        Number(w, "pf", v.Pf[p]);
        Number(w, "thdUPercent", v.ThdsUPercent[p]);
        Number(w, "thdIPercent", v.ThdsIPercent[p]);
        Harmonics(w, "harmonicsUPercentOfFundamental", v, v.HarmonicsUV, p);
        Harmonics(w, "harmonicsIPercentOfFundamental", v, v.HarmonicsIA, p);
        Harmonics(w, "harmonicGroupsUPercentOfFundamental", v, v.HarmonicGroupsUV, p);
        Harmonics(w, "harmonicGroupsIPercentOfFundamental", v, v.HarmonicGroupsIA, p);
        Number(w, "pst", pst, 4);
        Number(w, "plt", plt, 4);
        w.WriteEndObject();
    }

    public static void Interval(Utf8JsonWriter w, IntervalValues v)
    {
        w.WriteStartObject();
        Number(w, "startS", v.StartS, 7);
        Number(w, "durationS", v.DurationS, 7);
        Number(w, "frequencyHz", v.FrequencyHz, 5);
        w.WriteBoolean("flagged", v.Flagged);
        w.WriteStartArray("phases");
        for (var p = 0; p < v.Phases; p++)
        {
            Phase(w, v, p, double.NaN, double.NaN);
        }

        w.WriteEndArray();
        Totals(w, v);
        w.WriteEndObject();
    }

    /// <summary>Polyphase totals (IEEE 1459): P, Q1, Se, the arithmetic S (4-wire) and P/Se; null without currents.</summary>
    public static void Totals(Utf8JsonWriter w, IntervalValues v)
    {
        w.WriteStartObject("totals");
        Number(w, "pW", v.Total(TotalField.PW));
        Number(w, "qVar", v.Total(TotalField.Q1Var));
        Number(w, "sVA", v.Total(TotalField.SeVA));
        Number(w, "sArithmeticVA", v.Total(TotalField.SArithmeticVA));
        Number(w, "pf", v.Total(TotalField.Pf));
        w.WriteEndObject();
    }

    private static void Harmonics(Utf8JsonWriter w, string name, IntervalValues v, double[] values, int p)
    {
        w.WriteStartArray(name);
        var fundamental = v.Harmonic(values, p, 1);
        for (var h = 0; h <= HarmonicOrders; h++)
        {
            var x = h <= v.MaxOrder ? v.Harmonic(values, p, h) : double.NaN;
            var percent = fundamental > 0 ? 100 * x / fundamental : double.NaN;
            if (double.IsFinite(percent))
            {
                w.WriteNumberValue(Math.Round(percent, 5));
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }
}
