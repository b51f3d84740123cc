using System.Buffers;
using System.Text.Unicode;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// Passes a stream through unchanged while checking that it is UTF-8, counting line feeds on the way, so that a file
/// saved in Latin-1 or Windows-1252 fails with the exact line and byte offset of the first bad byte (a decoder alone
/// only knows its position inside its current buffer). Forward-only and read-only.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private readonly byte[] _carry = new byte[4];
    private int _carried;
    private long _offset;
    private long _lineFeeds;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _offset; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            if (_carried > 0)
            {
                throw new InvalidUtf8Exception(_lineFeeds + 1, _offset - _carried, _carry[0]);
            }

            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(_carried + bytes.Length);
        var chars = ArrayPool<char>.Shared.Rent(_carried + bytes.Length);
        try
        {
            var input = rented.AsSpan(0, _carried + bytes.Length);
            _carry.AsSpan(0, _carried).CopyTo(input);
            bytes.CopyTo(input[_carried..]);
            var start = _offset - _carried;

            var status = Utf8.ToUtf16(input, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                throw new InvalidUtf8Exception(_lineFeeds + input[..consumed].Count((byte)'\n') + 1, start + consumed, input[consumed]);
            }

            _lineFeeds += input[..consumed].Count((byte)'\n');
            _carried = input.Length - consumed;
            input[consumed..].CopyTo(_carry);
            _offset += bytes.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The input is not UTF-8. Carries where, never the text around it.</summary>
internal sealed class InvalidUtf8Exception(long line, long byteOffset, byte value)
    : Exception($"Not UTF-8: byte 0x{value:X2} at offset {byteOffset} (line {line}).")
{
    public long Line { get; } = line;
    public long ByteOffset { get; } = byteOffset;
    public byte Value { get; } = value;
}
