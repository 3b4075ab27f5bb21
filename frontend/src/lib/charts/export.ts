// Saving a chart as SVG or PNG. Charts draw with presentation attributes
// (fill, stroke, font-size), not stylesheet rules, so the file looks as the
// page does without the app's CSS. The PNG is drawn from a data: URL, which
// the page's Content-Security-Policy allows for images (blob: it does not).

export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  const w = box && box.width ? box.width : svg.clientWidth;
  const h = box && box.height ? box.height : svg.clientHeight;
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  // The page's white or dark background, so the file is not transparent.
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  copy.insertBefore(bg, copy.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

function download(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function fileName(title: string, ext: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return (base || 'chart') + '.' + ext;
}

export function saveSvg(svg: SVGSVGElement, title: string) {
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  download(url, fileName(title, 'svg'));
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function savePng(svg: SVGSVGElement, title: string, scale = 2): Promise<void> {
  const text = svgText(svg);
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width * scale;
  canvas.height = img.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw a PNG');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  download(canvas.toDataURL('image/png'), fileName(title, 'png'));
}
