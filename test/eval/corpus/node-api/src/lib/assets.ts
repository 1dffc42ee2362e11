/** Third-party scripts loaded by the marketing pages, pinned with Subresource Integrity. */
export interface ExternalScript {
  src: string;
  integrity: string;
  crossOrigin: 'anonymous';
}

export const scripts: ExternalScript[] = [
  {
    src: 'https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js',
    integrity: 'sha384-YvpcrYf0tY3lHB60NNkmXc5s9fDVZLESaAA55NDzOxhy9GkcIdslK1eN7N6jIeHz',
    crossOrigin: 'anonymous',
  },
  {
    src: 'https://code.jquery.com/jquery-3.7.1.min.js',
    integrity: 'sha256-/JqT3SQfawRcv/BIHPThkBvs0OEvtFFmqPF/lYI/Cxo=',
    crossOrigin: 'anonymous',
  },
];

/** 1x1 transparent pixel used by the tracking-free analytics fallback. */
export const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export const LOGO_SVG_BASE64 =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+PHBhdGggZD0iTTEyIDJMMiAyMmgyMEwxMiAyeiIvPjwvc3ZnPg==';

export function injectScripts(doc: Document): void {
  for (const script of scripts) {
    const element = doc.createElement('script');
    element.src = script.src;
    element.integrity = script.integrity;
    element.crossOrigin = script.crossOrigin;
    doc.head.appendChild(element);
  }
}
