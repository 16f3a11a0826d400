import { loadForPage } from '@/lib/api';
import { RoomHeaderQuery } from '@/operations/rooms';
import { RoomTabs } from './room-tabs';

export default async function RoomLayout({ children, params }: LayoutProps<'/rooms/[roomId]'>) {
  const { roomId } = await params;
  const { room } = await loadForPage(RoomHeaderQuery, { id: decodeURIComponent(roomId) });
  return (
    <>
      <div className="row spread">
        <div>
          <h1 data-testid="room-name">{room.name}</h1>
          {room.description ? <p className="muted">{room.description}</p> : null}
        </div>
        <span className="pill">{room.viewerRole?.toLowerCase()}</span>
      </div>
      <RoomTabs roomId={room.id} />
      {children}
    </>
  );
}
