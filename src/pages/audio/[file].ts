/**
 * The recordings staff attached to pages, copied from content/recordings/ as they are: only
 * those a page or hours.yaml names, each checked when the content is loaded (src/loaders/recording-file.ts).
 */
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { recordingBody, recordingFile } from '../../page-data/recording';

export async function getStaticPaths() {
  const entries = [
    ...(await getCollection('activities')),
    ...(await getCollection('pages')),
    ...(await getCollection('programme')),
    ...(await getCollection('notices')),
  ];
  // The hours page's recordings are listed in hours.yaml, not in an entry of each language.
  const hours = (await getCollection('hours')).flatMap(({ data }) => data.recordings ?? []);
  const urls = new Set([
    ...entries.flatMap(({ data }) => (data.recording ? [data.recording] : [])),
    ...hours.map(({ recording }) => recording),
  ]);
  return [...urls].map((url) => ({ params: { file: recordingFile(url) }, props: { url } }));
}

export function GET({ props }: APIContext<{ url: string }>) {
  const { bytes, type } = recordingBody(props.url);
  return new Response(bytes, { headers: { 'Content-Type': type } });
}
