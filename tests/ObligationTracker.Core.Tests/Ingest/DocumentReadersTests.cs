using System.Text;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Ingest;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

/// <summary>Bad input: each case gives exactly one Error diagnostic naming the file, and no exception.</summary>
public sealed class DocumentReadersTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("ot-ingest-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Diagnostic SingleError(ReadResult result, string path)
    {
        Assert.Null(result.Source);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(path, error.File);
        return error;
    }

    [Theory]
    [InlineData("empty.txt")]
    [InlineData("empty.pdf")]
    [InlineData("empty.docx")]
    public void ReadFile_EmptyFile_EmptyFileError(string name)
    {
        var path = Write(name, []);
        Assert.Equal(DiagnosticCodes.EmptyFile, SingleError(new DocumentReaders().ReadFile(path), path).Code);
    }

    [Fact]
    public void ReadFile_RandomBytesNamedPdf_CorruptFileSayingNotAPdf()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var path = Write("random.pdf", bytes);
        var error = SingleError(new DocumentReaders().ReadFile(path), path);
        Assert.Equal(DiagnosticCodes.CorruptFile, error.Code);
        Assert.Contains("%PDF", error.Message);
    }

    [Fact]
    public void ReadFile_DocxThatIsNotAZip_CorruptFile()
    {
        var path = Write("notzip.docx", Encoding.UTF8.GetBytes("第一条 这不是一个压缩包。"));
        var error = SingleError(new DocumentReaders().ReadFile(path), path);
        Assert.Equal(DiagnosticCodes.CorruptFile, error.Code);
        Assert.Contains("zip", error.Message);
    }

    [Fact]
    public void ReadFile_LegacyDocMagic_LegacyDocSayingConvert()
    {
        var path = Write("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);
        var error = SingleError(new DocumentReaders().ReadFile(path), path);
        Assert.Equal(DiagnosticCodes.LegacyDoc, error.Code);
        Assert.Contains("--convert-to docx", error.Message);
    }

    [Fact]
    public void ReadFile_RealLegacyDoc_LegacyDoc()
    {
        var doc = Directory.GetFiles(RepoPaths.SharedOriginals, "*.doc").First();
        Assert.Equal(DiagnosticCodes.LegacyDoc, SingleError(new DocumentReaders().ReadFile(doc), doc).Code);
    }

    [Fact]
    public void ReadFile_200MegabyteSparseFile_FileTooLargeWithoutReading()
    {
        var path = Path.Combine(dir, "huge.pdf");
        using (var fs = new FileStream(path, FileMode.CreateNew)) fs.SetLength(200L * 1024 * 1024); // sparse: no 200 MB written
        var error = SingleError(new DocumentReaders().ReadFile(path), path);
        Assert.Equal(DiagnosticCodes.FileTooLarge, error.Code);
        Assert.Contains("200", error.Message);
    }

    [Fact]
    public void Read_UnseekableStreamAboveLimit_FileTooLarge()
    {
        var readers = new DocumentReaders(maxBytes: 1024);
        var stream = new UnseekableStream(new MemoryStream(new byte[4096]));
        Assert.Equal(DiagnosticCodes.FileTooLarge, SingleError(readers.Read(stream, "big.txt"), "big.txt").Code);
    }

    [Fact]
    public void ReadFile_MissingFile_FileNotFound()
    {
        var path = Path.Combine(dir, "missing.pdf");
        Assert.Equal(DiagnosticCodes.FileNotFound, SingleError(new DocumentReaders().ReadFile(path), path).Code);
    }

    [Fact]
    public void ReadFile_UnknownExtension_UnsupportedFormat()
    {
        var path = Write("notes.xyz", Encoding.UTF8.GetBytes("第一条"));
        Assert.Equal(DiagnosticCodes.UnsupportedFormat, SingleError(new DocumentReaders().ReadFile(path), path).Code);
    }

    [Fact]
    public void ReadFile_ZipNamedTxt_CorruptFileNotText()
    {
        var path = Write("archive.txt", [.. "PK\u0003\u0004"u8, .. new byte[100]]);
        Assert.Equal(DiagnosticCodes.CorruptFile, SingleError(new DocumentReaders().ReadFile(path), path).Code);
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
