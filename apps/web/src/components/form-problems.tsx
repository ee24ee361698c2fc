import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { showFieldErrors } from '../api/errors';

/**
 * Runs a form's save: `saving` meanwhile, and on failure each problem next to its field, the rest in
 * `problems` for a ProblemsAlert. `problemsOf` turns a failure into those problems (showFieldErrors by default).
 */
export function useFormSave(form: FormInstance, problemsOf: (form: FormInstance, error: unknown) => string[] = showFieldErrors) {
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  async function run(save: () => Promise<unknown>): Promise<void> {
    setSaving(true);
    setProblems([]);
    try {
      await save();
    } catch (error) {
      setProblems(problemsOf(form, error));
    } finally {
      setSaving(false);
    }
  }
  return { problems, setProblems, saving, run };
}

/**
 * The problems no field of the form can show, above it; nothing when there are none. Under a `title`
 * they are listed; without one, a single problem is the title itself and several are listed under "Chưa lưu được:".
 */
export function ProblemsAlert({ problems, title }: { problems: string[]; title?: string }) {
  if (problems.length === 0) return null;
  const listed = title !== undefined || problems.length > 1;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title ?? (problems.length === 1 ? problems[0] : 'Chưa lưu được:')}
      description={
        listed ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
