/**
 * The playing time of a recording from its bytes: Ogg Opus by its last granule position, MP3 by
 * its Xing/Info frame count or by its constant bitrate; anything else refused. The files in
 * tests/fixtures/recordings are 3 s tones made with ffmpeg (libopus 16 kbps, LAME VBR, LAME
 * 32 kbps CBR without a Xing frame, libvorbis), committed so that no test needs ffmpeg.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audioFacts } from '../../src/lib/audio-duration';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/recordings/${name}`));

describe('audioFacts', () => {
  it('reads an Ogg Opus file’s time from its last page, less the pre-skip', () => {
    expect(audioFacts(fixture('tone.opus'))).toEqual({
      format: 'opus',
      type: 'audio/ogg; codecs=opus',
      seconds: 3,
    });
  });

  it('reads an MP3’s time from its Xing frame count', () => {
    const facts = audioFacts(fixture('tone-vbr.mp3'));
    expect(facts.format).toBe('mp3');
    expect(facts.type).toBe('audio/mpeg');
    expect(facts.seconds).toBeCloseTo(3.03, 2);
  });

  it('reads a constant-bitrate MP3 without one from its size', () => {
    expect(audioFacts(fixture('tone-plain.mp3')).seconds).toBeCloseTo(3.03, 1);
  });

  it('refuses Ogg Vorbis, saying to export Opus or MP3', () => {
    expect(() => audioFacts(fixture('tone.ogg'))).toThrow(/not Opus.*Opus or MP3/);
  });

  it('refuses what is not audio', () => {
    expect(() => audioFacts(new TextEncoder().encode('<html>not a recording</html>'))).toThrow(
      /neither Opus nor MP3/,
    );
    expect(() => audioFacts(new Uint8Array(0))).toThrow(/neither Opus nor MP3/);
  });

  it('refuses an Ogg Opus file with no sound: its header pages only', () => {
    const whole = fixture('tone.opus');
    const pages = [...Buffer.from(whole).toString('latin1').matchAll(/OggS/g)].map((m) => m.index);
    expect(() => audioFacts(whole.slice(0, pages[2]))).toThrow(/no sound/);
  });
});
