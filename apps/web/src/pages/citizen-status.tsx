export function CitizenStatusPage() {
  return <div>CitizenStatusPage</div>;
}
