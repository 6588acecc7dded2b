using Vivido.Cel.Values;

namespace Vivido.Cel.Evaluation;

/// <summary>A list literal; an error in any element makes the whole list an error.</summary>
internal sealed class ListNode(Node[] elements) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        if (elements.Length == 0)
        {
            return CelValue.List(ArrayCelList.Empty);
        }

        if (!state.Produce(elements.Length))
        {
            return state.Abort;
        }

        var items = new CelValue[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            var item = elements[i].Eval(ref state);
            if (item.IsError)
            {
                return item;
            }

            items[i] = item;
        }

        return CelValue.List(new ArrayCelList(items));
    }
}

/// <summary>A map literal: keys must be int, uint, bool or string, and unique under CEL equality.</summary>
internal sealed class MapNode(Node[] keys, Node[] values) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        if (!state.Produce(keys.Length))
        {
            return state.Abort;
        }

        var map = new DictionaryMap(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i].Eval(ref state);
            if (key.IsError)
            {
                return key;
            }

            var value = values[i].Eval(ref state);
            if (value.IsError)
            {
                return value;
            }

            if (!Access.IsKeyKind(key.Kind))
            {
                return Errors.Invalid($"unsupported map key type: {key.TypeName}");
            }

            if (!map.TryAdd(key, value))
            {
                return Errors.Invalid($"repeated key in map literal: {key}");
            }
        }

        return CelValue.Map(map);
    }
}
