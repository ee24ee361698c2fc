export function AgenciesPage() {
  return <div>AgenciesPage</div>;
}
