// Just enough protobuf to read Anki's current package metadata and note type configs: top-level varint and
// length-delimited fields by number. Malformed input ends the read instead of throwing.

export type ProtoField = { num: number; varint?: number; bytes?: Uint8Array };

export function readProto(buf: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let i = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (let n = 0; n < 10 && i < buf.length; n++) {
      const b = buf[i++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    throw new Error('bad varint');
  };
  try {
    while (i < buf.length) {
      const key = varint();
      const num = Math.floor(key / 8);
      const wire = key & 7;
      if (wire === 0) out.push({ num, varint: varint() });
      else if (wire === 2) {
        const len = varint();
        if (i + len > buf.length) break;
        out.push({ num, bytes: buf.subarray(i, i + len) });
        i += len;
      } else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else break;
    }
  } catch {
    // keep what was read
  }
  return out;
}

export const protoString = (fields: ProtoField[], num: number): string | undefined => {
  const f = fields.find((x) => x.num === num && x.bytes);
  return f?.bytes ? new TextDecoder().decode(f.bytes) : undefined;
};

export const protoVarint = (fields: ProtoField[], num: number): number | undefined => fields.find((x) => x.num === num && x.varint !== undefined)?.varint;
