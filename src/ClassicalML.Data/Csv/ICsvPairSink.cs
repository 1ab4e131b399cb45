namespace ClassicalML.Data.Csv;

/// <summary>Takes two values of a plain record from <see cref="CsvReader.ReadPlain"/>; a struct, so that the JIT inlines the call.</summary>
internal interface ICsvPairSink
{
    /// <summary>Takes the values, or refuses them (nothing taken) so that the reader hands the record to <see cref="CsvReader.Read"/>.</summary>
    bool TryAdd(ReadOnlySpan<char> first, ReadOnlySpan<char> second);
}
