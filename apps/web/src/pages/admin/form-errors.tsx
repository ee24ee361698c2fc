import { Alert } from 'antd';

/** The problems no field of the form can show. */
export function ProblemsAlert({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problems.length === 1 ? problems[0] : 'Chưa lưu được:'}
      description={problems.length > 1 ? <ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((problem, index) => <li key={index}>{problem}</li>)}</ul> : undefined}
    />
  );
}
