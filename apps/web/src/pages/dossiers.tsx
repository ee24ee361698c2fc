export function DossiersPage() {
  return <div>DossiersPage</div>;
}
