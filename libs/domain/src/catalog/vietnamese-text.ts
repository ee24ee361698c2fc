/**
 * Folds Vietnamese text for search: lowercase, diacritics removed, đ → d, spaces collapsed, so
 * "khai sinh", "Khai Sinh" and "khái sinh" all find "Đăng ký khai sinh".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
