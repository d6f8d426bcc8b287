using Lucene.Net.Store;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class MappedInputTests
{
    /// <summary>Writes with Lucene's own output, so the expected values are Lucene's encoding, not ours.</summary>
    private static string Write(TempDirectory temp, string name, Action<IndexOutput> write)
    {
        using (var directory = FSDirectory.Open(temp.Path))
        using (var output = directory.CreateOutput(name, IOContext.DEFAULT))
            write(output);
        return Path.Combine(temp.Path, name);
    }

    [Fact]
    public void Read_ValuesLuceneWrote_ReadsThemBackInOrder()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, "values", o =>
        {
            o.WriteByte(7);
            o.WriteInt16(-2);
            o.WriteInt32(0x12345678);
            o.WriteInt64(-0x0102030405060708L);
            o.WriteVInt32(300);
            o.WriteString("监管评级");
            o.WriteBytes([1, 2, 3], 3);
        });

        using var input = MappedInput.Open(path);
        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(0x12345678, input.ReadInt32());
        Assert.Equal(-0x0102030405060708L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal("监管评级", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 1, 3);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 0 }, bytes);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void Clone_ReadsOnItsOwnPosition_AndStillReadsAfterTheFileIsClosed()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, "values", o =>
        {
            for (var i = 0; i < 100; i++) o.WriteInt32(i);
        });

        var input = MappedInput.Open(path);
        input.Seek(40);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(10, input.ReadInt32());
        Assert.Equal(10, clone.ReadInt32()); // the clone starts where its original stood, then moves alone
        input.Seek(0);
        Assert.Equal(11, clone.ReadInt32());

        input.Dispose();
        clone.Seek(396);
        Assert.Equal(99, clone.ReadInt32()); // the mapping outlives the original: no read of freed memory
        Assert.Throws<ObjectDisposedException>(() => input.Clone());
    }

    [Fact]
    public void Read_PastTheEnd_ThrowsEndOfStream()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, "short", o => o.WriteInt16(1));

        using var input = MappedInput.Open(path);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Equal(0, input.Position); // a refused read does not move the position
        Assert.Throws<EndOfStreamException>(() => input.Seek(3));
        input.Seek(2);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[1], 0, 1));
    }

    [Fact]
    public void Open_EmptyFile_HasNoBytes()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, "empty", _ => { });

        using var input = MappedInput.Open(path);
        Assert.Equal(0, input.Length);
        input.ReadBytes([], 0, 0);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        using var temp = new TempDirectory();

        // Lucene tells a missing file (a commit being written, a segment merged away) by this exception's type.
        Assert.Throws<FileNotFoundException>(() => MappedInput.Open(Path.Combine(temp.Path, "segments_9")));
    }
}
