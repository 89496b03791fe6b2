using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bench.Plans.Journal;

internal static class JournalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // The journal must never lose a measured point to a value JSON cannot spell (an infinite ratio, a NaN reading).
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
