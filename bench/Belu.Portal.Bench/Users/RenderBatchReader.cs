using System.Buffers.Binary;
using System.Text;

namespace Belu.Portal.Bench.Users;

/// <summary>A clickable element seen in a render batch: the component that rendered it, its onclick handler and its text.</summary>
internal sealed record Clickable(int ComponentId, ulong HandlerId, string Text);

/// <summary>
/// Reads just enough of Blazor Server's binary render batch (the format blazor.web.js reads in its
/// OutOfProcessRenderBatch) to find the onclick handlers of elements by their text, and which handlers the batch
/// disposed. Layout: at the end five int32 offsets (updated components, reference frames, disposed component ids,
/// disposed event handler ids, string table); arrays are an int32 count followed by entries; a frame is 20 bytes, an
/// edit 16; a string is a 7-bit-encoded length followed by UTF-8 bytes, found through the string table.
/// </summary>
internal readonly ref struct RenderBatchReader(ReadOnlySpan<byte> data)
{
    private const int FrameSize = 20;
    private const int EditSize = 16;
    // RenderTreeFrameType
    private const int Element = 1, Text = 2, Attribute = 3, Markup = 8;
    // RenderTreeEditType
    private const int PrependFrame = 1, SetAttribute = 3;

    private readonly ReadOnlySpan<byte> _data = data;

    private int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_data[offset..]);

    private int Trailer(int fromEnd) => Int(_data.Length - fromEnd);

    /// <summary>Handler ids the batch disposed: a handler of ours among them means its element was replaced.</summary>
    public List<ulong> DisposedEventHandlerIds()
    {
        var at = Trailer(8);
        var ids = new List<ulong>(Int(at));
        for (var i = 0; i < Int(at); i++)
        {
            ids.Add(BinaryPrimitives.ReadUInt64LittleEndian(_data[(at + 4 + 8 * i)..]));
        }
        return ids;
    }

    /// <summary>
    /// Every element with an onclick handler that the batch inserted, with the text inside it; and every onclick
    /// attribute the batch set on an element already shown (text unknown: empty), so a handler whose id changed in a
    /// later render can be followed through its component.
    /// </summary>
    public List<Clickable> Clickables()
    {
        var result = new List<Clickable>();
        var frames = Trailer(16) + 4;
        var updated = Trailer(20);
        for (var c = 0; c < Int(updated); c++)
        {
            var diff = Int(updated + 4 + 4 * c);
            var componentId = Int(diff);
            var edits = diff + 4;
            for (var e = 0; e < Int(edits); e++)
            {
                var edit = edits + 4 + EditSize * e;
                var type = Int(edit);
                var frameIndex = Int(edit + 8);
                if (type == PrependFrame && Int(frames + FrameSize * frameIndex) == Element)
                {
                    CollectElements(frames, frameIndex, componentId, result);
                }
                else if (type == SetAttribute && HandlerOf(frames + FrameSize * frameIndex, "onclick") is ulong handler)
                {
                    result.Add(new Clickable(componentId, handler, ""));
                }
            }
        }
        return result;
    }

    /// <summary>Each element in the subtree at <paramref name="root"/> that carries an onclick handler, with its text.</summary>
    private void CollectElements(int frames, int root, int componentId, List<Clickable> result)
    {
        var end = root + Int(frames + FrameSize * root + 4);
        for (var i = root; i < end; i++)
        {
            var frame = frames + FrameSize * i;
            if (Int(frame) != Element)
            {
                continue;
            }
            var subtreeEnd = i + Int(frame + 4);
            for (var a = i + 1; a < subtreeEnd && Int(frames + FrameSize * a) == Attribute; a++)
            {
                if (HandlerOf(frames + FrameSize * a, "onclick") is ulong handler)
                {
                    result.Add(new Clickable(componentId, handler, TextOf(frames, i + 1, subtreeEnd)));
                }
            }
        }
    }

    private string TextOf(int frames, int from, int to)
    {
        var text = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var frame = frames + FrameSize * i;
            if (Int(frame) is Text or Markup)
            {
                text.Append(ReadString(Int(frame + 4))).Append(' ');
            }
        }
        return text.ToString().Trim();
    }

    private ulong? HandlerOf(int frame, string eventName)
    {
        if (Int(frame) != Attribute)
        {
            return null;
        }
        var handler = BinaryPrimitives.ReadUInt64LittleEndian(_data[(frame + 12)..]);
        return handler != 0 && ReadString(Int(frame + 4)) == eventName ? handler : null;
    }

    private string? ReadString(int index)
    {
        if (index == -1)
        {
            return null;
        }
        var at = Int(Trailer(4) + 4 * index);
        int length = 0, shift = 0, read = 0;
        while (true)
        {
            var b = _data[at + read++];
            length |= (b & 0x7f) << shift;
            if (b < 0x80)
            {
                break;
            }
            shift += 7;
        }
        return Encoding.UTF8.GetString(_data.Slice(at + read, length));
    }
}
