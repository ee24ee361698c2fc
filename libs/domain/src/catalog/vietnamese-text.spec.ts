import { foldVietnamese } from './vietnamese-text';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['  Chứng thực   bản sao  ', 'chung thuc ban sao'],
    ['ĐẤT ĐAI', 'dat dai'],
    // Decomposed input (NFD, as some keyboards send it) folds the same way.
    ['Hồ sơ'.normalize('NFD'), 'ho so'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
  });
});
