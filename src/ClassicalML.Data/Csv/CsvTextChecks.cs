using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ClassicalML.Data.Csv;

/// <summary>The checks that a file is text at all: no NUL byte near the start, valid UTF-8 throughout.</summary>
internal static class CsvTextChecks
{
    /// <summary>Bytes read at the start of a file to refuse binary content and to detect the delimiter.</summary>
    public const int SniffBytes = 64 * 1024;

    private const string TextFix = "Save the data as UTF-8 text (CSV or TSV) with a header line.";

    /// <summary>Reads the first <see cref="SniffBytes"/> bytes and refuses them when they hold a NUL byte (a binary file).</summary>
    /// <returns>The bytes read.</returns>
    /// <exception cref="DataFormatException">A NUL byte was found.</exception>
    public static ReadOnlyMemory<byte> Sniff(string file)
    {
        var buffer = new byte[SniffBytes];
        int read;
        using (var stream = System.IO.File.OpenRead(file))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        var nul = Array.IndexOf(buffer, (byte)0, 0, read);
        if (nul >= 0)
        {
            var line = 1 + buffer.AsSpan(0, nul).Count((byte)'\n');
            var parquet = read >= 4 && buffer.AsSpan(0, 4).SequenceEqual("PAR1"u8) ? " (it starts like a Parquet file)" : string.Empty;
            throw new DataFormatException(file, line, null, string.Create(CultureInfo.InvariantCulture, $"byte {nul} is NUL (0x00): this is a binary file, not text{parquet}"), TextFix);
        }

        return buffer.AsMemory(0, read);
    }

    /// <summary>The error for a file that is not valid UTF-8, naming the line of the first invalid byte sequence.</summary>
    public static DataFormatException NotUtf8(string file)
    {
        var (line, offset) = FirstInvalidUtf8(file);
        return new DataFormatException(file, line, null, string.Create(CultureInfo.InvariantCulture, $"byte {offset} is not valid UTF-8: the file is in another encoding"), "Save the file as UTF-8 (for example, in pandas: to_csv(..., encoding=\"utf-8\")).");
    }

    /// <summary>A UTF-8 reader that throws on invalid bytes and skips a byte order mark.</summary>
    public static StreamReader OpenText(string file) =>
        new(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });

    /// <summary>The 1-based line and the byte offset of the first invalid UTF-8 sequence (line 0 when none is found).</summary>
    private static (int Line, long Offset) FirstInvalidUtf8(string file)
    {
        using var stream = System.IO.File.OpenRead(file);
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            int line = 1, carried = 0;
            long offset = 0;
            while (true)
            {
                var read = stream.Read(bytes, carried, (1 << 16) - carried);
                var available = carried + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                line += bytes.AsSpan(0, consumed).Count((byte)'\n');
                offset += consumed;
                if (status == OperationStatus.InvalidData)
                {
                    return (line, offset);
                }

                if (final)
                {
                    return (0, offset);
                }

                carried = available - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
