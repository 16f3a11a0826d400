import { graphql } from '@/gql';

export const RoomsQuery = graphql(`
  query Rooms {
    rooms(first: 50) {
      edges {
        node {
          id
          name
          description
          viewerRole
          createdAt
        }
      }
    }
    me {
      id
      invitations {
        role
        room {
          id
          name
        }
      }
    }
  }
`);

export const RoomHeaderQuery = graphql(`
  query RoomHeader($id: ID!) {
    room(id: $id) {
      id
      name
      description
      viewerRole
    }
  }
`);

export const RoomMembersQuery = graphql(`
  query RoomMembers($id: ID!) {
    room(id: $id) {
      id
      viewerRole
      members(first: 100) {
        edges {
          node {
            role
            status
            email
            joinedAt
            user {
              id
              displayName
              email
            }
          }
        }
      }
    }
  }
`);

export const CreateRoomMutation = graphql(`
  mutation CreateRoom($input: CreateRoomInput!) {
    createRoom(input: $input) {
      id
    }
  }
`);

export const AddRoomMemberMutation = graphql(`
  mutation AddRoomMember($input: AddRoomMemberInput!) {
    addRoomMember(input: $input) {
      role
    }
  }
`);

export const AcceptRoomInvitationMutation = graphql(`
  mutation AcceptRoomInvitation($roomId: ID!) {
    acceptRoomInvitation(roomId: $roomId) {
      role
    }
  }
`);

export const DeclineRoomInvitationMutation = graphql(`
  mutation DeclineRoomInvitation($roomId: ID!) {
    declineRoomInvitation(roomId: $roomId)
  }
`);
