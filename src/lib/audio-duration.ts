/**
 * What a recording staff attach is, and how long it plays, read from its bytes at build time:
 * Ogg Opus (the last page's granule position, less the pre-skip, over 48,000) or MP3 (the
 * frame count of its Xing, Info or VBRI header, else its size over its constant bitrate).
 * Anything else is refused with a sentence staff can act on.
 */

export interface AudioFacts {
  format: 'opus' | 'mp3';
  /** The MIME type a browser is told, e.g. 'audio/ogg; codecs=opus'. */
  type: string;
  /** Playing time, in seconds. */
  seconds: number;
}

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** Little-endian unsigned integer of `length` bytes (at most 8: a granule position). */
function littleEndian(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = length - 1; i >= 0; i--) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

const bigEndian32 = (bytes: Uint8Array, at: number) =>
  (((bytes[at] ?? 0) << 24) |
    ((bytes[at + 1] ?? 0) << 16) |
    ((bytes[at + 2] ?? 0) << 8) |
    (bytes[at + 3] ?? 0)) >>>
  0;

function opusFacts(bytes: Uint8Array): AudioFacts {
  // The first page's packet: 'OpusHead', version, channels, pre-skip (samples at 48 kHz).
  const segments = bytes[26] ?? 0;
  const body = 27 + segments;
  if (ascii(bytes, body, 8) !== 'OpusHead') {
    throw new Error('it is an Ogg file but not Opus (Vorbis?): export it as Opus or MP3');
  }
  const preSkip = littleEndian(bytes, body + 10, 2);
  // The last page's granule position counts the samples played since the start.
  for (let at = bytes.length - 27; at >= 0; at--) {
    if (bytes[at] === 0x4f && ascii(bytes, at, 4) === 'OggS' && bytes[at + 4] === 0) {
      const granule = littleEndian(bytes, at + 6, 8);
      // Only the header pages (granule 0): no sound, or a file cut short.
      if (granule <= preSkip) break;
      return {
        format: 'opus',
        type: 'audio/ogg; codecs=opus',
        seconds: (granule - preSkip) / 48_000,
      };
    }
  }
  throw new Error('the Opus file has no sound in it, or is cut short: export it again');
}

const mpeg1Rates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const mpeg2Rates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const sampleRates: Record<number, number[]> = {
  3: [44_100, 48_000, 32_000],
  2: [22_050, 24_000, 16_000],
  0: [11_025, 12_000, 8_000],
};

/** Where the audio starts: after an ID3v2 tag, if there is one. */
function id3End(bytes: Uint8Array): number {
  if (ascii(bytes, 0, 3) !== 'ID3') return 0;
  const size = [6, 7, 8, 9].reduce((sum, i) => sum * 128 + ((bytes[i] ?? 0) & 0x7f), 0);
  const footer = ((bytes[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

function mp3Facts(bytes: Uint8Array): AudioFacts | undefined {
  const start = id3End(bytes);
  // The first frame: 11 bits of sync, within the first few KB after the tag.
  let at = start;
  while (
    at < Math.min(bytes.length - 4, start + 4096) &&
    !(bytes[at] === 0xff && ((bytes[at + 1] ?? 0) & 0xe0) === 0xe0)
  )
    at++;
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  const b3 = bytes[at + 3] ?? 0;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const rates = sampleRates[version];
  const sampleRate = rates?.[(b2 >> 2) & 3];
  const kbps = (version === 3 ? mpeg1Rates : mpeg2Rates)[b2 >> 4];
  // Layer III only (bits 01), a known version, rate and bitrate: else not an MP3 frame.
  if (bytes[at] !== 0xff || layer !== 1 || !sampleRate || !kbps) return undefined;
  const mono = b3 >> 6 === 3;
  const samplesPerFrame = version === 3 ? 1152 : 576;
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const xing = at + 4 + sideInfo;
  let frames: number | undefined;
  const tag = ascii(bytes, xing, 4);
  if ((tag === 'Xing' || tag === 'Info') && (bigEndian32(bytes, xing + 4) & 1) === 1) {
    frames = bigEndian32(bytes, xing + 8);
  } else if (ascii(bytes, at + 36, 4) === 'VBRI') {
    frames = bigEndian32(bytes, at + 36 + 14);
  }
  const seconds =
    frames !== undefined
      ? (frames * samplesPerFrame) / sampleRate
      : ((bytes.length - at - (ascii(bytes, bytes.length - 128, 3) === 'TAG' ? 128 : 0)) * 8) /
        (kbps * 1000);
  return { format: 'mp3', type: 'audio/mpeg', seconds };
}

/**
 * The format and playing time of a recording, e.g. 60 s of 16 kbps Opus =>
 * { format: 'opus', type: 'audio/ogg; codecs=opus', seconds: 60 }; throws for anything but
 * Ogg Opus and MP3, with the reason.
 */
export function audioFacts(bytes: Uint8Array): AudioFacts {
  if (ascii(bytes, 0, 4) === 'OggS') return opusFacts(bytes);
  const mp3 = mp3Facts(bytes);
  if (mp3) return mp3;
  throw new Error('it is neither Opus nor MP3: export the recording as Opus (.opus) or MP3 (.mp3)');
}
