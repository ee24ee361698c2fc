export function ProceduresPage() {
  return <div>ProceduresPage</div>;
}
