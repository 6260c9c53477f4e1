/** Saving a file the app made to the tablet: the browser's own download. */

/** Hands `file` to the browser's download (to the Downloads folder, or a save prompt). */
export function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
