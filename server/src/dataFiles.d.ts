// Code tables under server/data/ are bundled as text by esbuild (loader '.tsv': 'text').
declare module '*.tsv' {
  const text: string;
  export default text;
}
