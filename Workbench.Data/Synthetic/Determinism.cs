using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Everything random in the generator comes from here: a seeded <see cref="Random"/> per named stream (one per file,
/// pupil or class), and UUIDs hashed from a name. Naming the streams keeps one pupil's data independent of how many
/// pupils came before, and <see cref="Random(int)"/> with a seed is the same sequence on every .NET version.
/// </summary>
internal sealed class Determinism(int seed)
{
    public int Seed { get; } = seed;

    /// <summary>A random stream for the given name, the same for the same seed and name.</summary>
    public Random Stream(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        Hash(name, hash);
        return new Random(BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue);
    }

    /// <summary>A version-4-style UUID (lower case) from the SHA-256 of the seed and a name.</summary>
    public string Uuid(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        Hash(name, hash);
        Span<char> text = stackalloc char[36];
        FormatUuid(hash, text);
        return new string(text);
    }

    /// <summary>Writes a UUID for a name built from a prefix and two numbers, without allocating (for statement ids).</summary>
    public void Uuid(ReadOnlySpan<char> prefix, long a, long b, Span<char> destination)
    {
        Span<byte> input = stackalloc byte[(prefix.Length * 3) + 4 + 16];
        var length = Encoding.UTF8.GetBytes(prefix, input);
        BinaryPrimitives.WriteInt32LittleEndian(input[length..], Seed);
        BinaryPrimitives.WriteInt64LittleEndian(input[(length + 4)..], a);
        BinaryPrimitives.WriteInt64LittleEndian(input[(length + 12)..], b);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..(length + 20)], hash);
        FormatUuid(hash, destination);
    }

    private void Hash(string name, Span<byte> hash)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Seed}/{name}"));
        SHA256.HashData(bytes, hash);
    }

    private static void FormatUuid(ReadOnlySpan<byte> hash, Span<char> text)
    {
        Span<byte> b = stackalloc byte[16];
        hash[..16].CopyTo(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        const string hex = "0123456789abcdef";
        var p = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                text[p++] = '-';
            }

            text[p++] = hex[b[i] >> 4];
            text[p++] = hex[b[i] & 0xF];
        }
    }
}

/// <summary>The few distributions the generator draws from.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Uniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>Standard normal (Box–Muller).</summary>
    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Poisson by multiplication (Knuth); fine for the small rates used here.</summary>
    public static int Poisson(this Random random, double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * random.Gaussian())));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    public static int Binomial(this Random random, int trials, double probability)
    {
        var hits = 0;
        for (var i = 0; i < trials; i++)
        {
            if (random.NextDouble() < probability)
            {
                hits++;
            }
        }

        return hits;
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index drawn by weight from a cumulative weight table (last entry = total).</summary>
    public static int PickCumulative(this Random random, double[] cumulative)
    {
        var x = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    public static void Shuffle<T>(this Random random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var total = 0.0;
        return weights.Select(w => total += w).ToArray();
    }

    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
