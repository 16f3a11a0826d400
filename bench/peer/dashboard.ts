/**
 * The dashboard as PostGraphile spells it (its generated names; the lists are the SQL functions of
 * bench/peer/viewer-rooms.sql, which apply the API's access rules and orders), and the mapping of its
 * answer onto the API's shape, so both are compared field for field.
 */
export const PEER_DASHBOARD = `query Dashboard($first: Int) {
  viewerRooms(first: $first) {
    edges {
      node {
        role
        roomByRoomId {
          name
          viewerMembers {
            edges { node { appUserByUserId { displayName } } }
          }
          viewerDocuments(first: 20) {
            edges { node { title status pageCount chunkCount } }
          }
          quizzesByRoomId(first: 10, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
            edges { node { title status } }
          }
        }
      }
    }
  }
}`;

interface PeerData {
  viewerRooms: {
    edges: {
      node: {
        role: string;
        roomByRoomId: {
          name: string;
          viewerMembers: { edges: { node: { appUserByUserId: { displayName: string } | null } }[] };
          viewerDocuments: { edges: { node: Record<string, unknown> }[] };
          quizzesByRoomId: { edges: { node: Record<string, unknown> }[] };
        };
      };
    }[];
  };
}

/** PostGraphile's answer in the API's shape (`rooms { edges { node { name viewerRole members ... } } }`). */
export function peerAsDashboard(data: PeerData) {
  return {
    rooms: {
      edges: data.viewerRooms.edges.map(({ node: { role, roomByRoomId: room } }) => ({
        node: {
          name: room.name,
          viewerRole: role,
          members: {
            edges: room.viewerMembers.edges.map(({ node }) => ({
              node: { user: node.appUserByUserId && { displayName: node.appUserByUserId.displayName } },
            })),
          },
          documents: { edges: room.viewerDocuments.edges },
          quizzes: { edges: room.quizzesByRoomId.edges },
        },
      })),
    },
  };
}
