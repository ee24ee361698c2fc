import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, type Schemas, SESSION_EXPIRED_EVENT, sessionToken, unwrap } from './api/client';

export type User = Schemas['UserResponseDto'];
export type Role = User['role'];

interface Session {
  user: User | null;
  /** True until a stored token has been checked. */
  loading: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(() => sessionToken.get() !== null);

  useEffect(() => {
    if (sessionToken.get()) {
      unwrap(api.GET('/api/me'))
        .then(setUser)
        .catch(() => sessionToken.clear())
        .finally(() => setLoading(false));
    }
    const expire = () => setUser(null);
    window.addEventListener(SESSION_EXPIRED_EVENT, expire);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, expire);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
    sessionToken.set(answer.accessToken);
    setUser(answer.user);
    return answer.user;
  }, []);

  const logout = useCallback(() => {
    sessionToken.clear();
    setUser(null);
  }, []);

  return <SessionContext.Provider value={{ user, loading, login, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
