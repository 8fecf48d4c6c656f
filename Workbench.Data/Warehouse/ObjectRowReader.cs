using System.Collections;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Workbench.Data.Warehouse;

/// <summary>A forward-only reader over rows of values, so SqlBulkCopy can stream them.</summary>
internal sealed class ObjectRowReader(IReadOnlyList<string> columns, IEnumerable<object?[]> rows) : DbDataReader
{
    private readonly IEnumerator<object?[]> rowEnumerator = rows.GetEnumerator();
    private object?[] current = [];

    public long RowsRead { get; private set; }

    public override int FieldCount => columns.Count;

    public override bool Read()
    {
        if (!rowEnumerator.MoveNext())
        {
            return false;
        }

        current = rowEnumerator.Current;
        RowsRead++;
        return true;
    }

    public override object GetValue(int ordinal) => current[ordinal] switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        var value => value,
    };

    public override bool IsDBNull(int ordinal) => current[ordinal] is null or DBNull;

    public override string GetName(int ordinal) => columns[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException(name);
    }

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => current[ordinal]?.GetType() ?? typeof(object);

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, columns.Count);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override bool HasRows => true;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override bool NextResult() => false;

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => (char)GetValue(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);

    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);

    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);

    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rowEnumerator.Dispose();
        }

        base.Dispose(disposing);
    }
}
