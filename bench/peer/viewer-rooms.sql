-- PostGraphile's view of the dashboard (bench/peer/postgraphile-server.ts), with the API's access rules:
-- the viewer (taken from the verified token, which the server puts into jwt.claims.sub) reads the rooms they
-- are an ACTIVE member of; in each, ACTIVE members (an owner also sees pending invitations) and MEMBERS
-- documents (an editor or owner also sees EDITORS ones). Quizzes are listed to every member, as in the API.
create or replace function viewer_id() returns uuid language sql stable as $$
  select nullif(current_setting('jwt.claims.sub', true), '')::uuid
$$;

create or replace function viewer_rooms() returns setof room_member language sql stable as $$
  select m.* from room_member m join room r on r.id = m.room_id
  where m.user_id = viewer_id() and m.status = 'ACTIVE'
  order by r.created_at desc, r.id desc
$$;

create or replace function room_viewer_members(r room) returns setof room_member language sql stable as $$
  select m.* from room_member m
  where m.room_id = r.id and (m.status = 'ACTIVE' or exists (
    select 1 from room_member v
    where v.room_id = r.id and v.user_id = viewer_id() and v.status = 'ACTIVE' and v.role = 'OWNER'))
  order by m.created_at asc, m.id asc
$$;

create or replace function room_viewer_documents(r room) returns setof document language sql stable as $$
  select d.* from document d
  where d.room_id = r.id and (d.visibility = 'MEMBERS' or exists (
    select 1 from room_member v
    where v.room_id = r.id and v.user_id = viewer_id() and v.status = 'ACTIVE' and v.role in ('OWNER', 'EDITOR')))
  order by d.created_at desc, d.id desc
$$;
