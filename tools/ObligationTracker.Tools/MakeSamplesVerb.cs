using System.Security.Cryptography;
using System.Text;
using ObligationTracker.Tools.Samples;

namespace ObligationTracker.Tools;

/// <summary>Generates the binary samples of corpora/samples (.docx, .pdf, GB18030 .txt) from their readable sources.</summary>
/// <remarks>
/// A source <c>corpora/samples/src/NAME.EXT.src.txt</c> becomes <c>corpora/samples/NAME.EXT</c>; the extension chooses the
/// writer. The output is byte-for-byte reproducible (fixed zip entry times, fixed PDF dates), so <c>--check</c> can tell
/// whether the committed files still match their sources.
/// </remarks>
internal sealed class MakeSamplesVerb : IToolVerb
{
    private const string DefaultFont = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

    public string Name => "make-samples";

    public string Summary => "regenerate corpora/samples .docx/.pdf/GB18030 .txt from src/ [--check] [--font TTF]";

    public async Task<int> RunAsync(string[] args)
    {
        var check = args.Contains("--check");
        var fontIndex = Array.IndexOf(args, "--font");
        var fontPath = fontIndex >= 0 && fontIndex + 1 < args.Length ? args[fontIndex + 1] : DefaultFont;
        var samples = Path.Combine(RepoPaths.Corpora, "samples");
        var sources = Directory.GetFiles(Path.Combine(samples, "src"), "*.src.txt").Order(StringComparer.Ordinal).ToList();
        byte[]? font = null;
        var stale = 0;
        foreach (var source in sources)
        {
            var target = Path.GetFileName(source)[..^".src.txt".Length];
            var text = await File.ReadAllTextAsync(source);
            byte[] bytes;
            if (target.EndsWith(".docx", StringComparison.Ordinal))
                bytes = DocxSampleWriter.Write(SampleLine.ParseAll(text));
            else if (target.EndsWith(".pdf", StringComparison.Ordinal))
            {
                if (font is null && !File.Exists(fontPath))
                {
                    await Console.Error.WriteLineAsync($"make-samples: the CJK TrueType font {fontPath} is missing: apt-get install fonts-arphic-gbsn00lp, or pass --font FILE.ttf");
                    return 2;
                }
                font ??= await File.ReadAllBytesAsync(fontPath);
                var lines = SampleLine.ParseAll(text);
                bytes = PdfSampleWriter.Write(lines, font, lines.First(l => l.Kind == SampleLineKind.Title).Text);
            }
            else if (target.EndsWith(".gb18030.txt", StringComparison.Ordinal))
                bytes = Gb18030(text);
            else
            {
                await Console.Error.WriteLineAsync($"make-samples: no writer for {target}");
                return 2;
            }

            var path = Path.Combine(samples, target);
            var same = File.Exists(path) && (await File.ReadAllBytesAsync(path)).AsSpan().SequenceEqual(bytes);
            if (!same) stale++;
            if (!check && !same) await File.WriteAllBytesAsync(path, bytes);
            Console.WriteLine($"{(same ? "unchanged" : check ? "STALE" : "written"),-9} {target,-72} {bytes.Length,8} bytes  sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}");
        }
        return check && stale > 0 ? 1 : 0;
    }

    /// <summary>A text as saved by a Windows editor in the national encoding: GB18030, CRLF line ends, no BOM.</summary>
    private static byte[] Gb18030(string source)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = source.Replace("\r\n", "\n").Split('\n').Where(l => !l.StartsWith('#'));
        var text = string.Join("\r\n", lines).Trim('\r', '\n') + "\r\n";
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }
}
