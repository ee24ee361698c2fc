import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('Mật khẩu đúng 1');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword('Mật khẩu đúng 1', hash)).resolves.toBe(true);
    await expect(verifyPassword('Mật khẩu sai 1', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats NFC and NFD spellings of a Vietnamese password as the same', async () => {
    const hash = await hashPassword('Hồ sơ'.normalize('NFD'));
    await expect(verifyPassword('Hồ sơ'.normalize('NFC'), hash)).resolves.toBe(true);
  });

  it('rejects against the dummy hash and malformed hashes', async () => {
    await expect(verifyPassword('anything', DUMMY_PASSWORD_HASH)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'plain-text')).resolves.toBe(false);
  });
});
