/**
 * Hands a file to the browser to save: a link the user did not see, clicked. `href` is a download
 * link of the API (its `Content-Disposition` names the file) or a `blob:` URL made here.
 */
export function save(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.click();
}
