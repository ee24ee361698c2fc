export function CalendarPage() {
  return <div>CalendarPage</div>;
}
