export function ReturnDeskPage() {
  return <div>ReturnDeskPage</div>;
}
