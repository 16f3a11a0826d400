import { graphql } from '@/gql';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      user {
        id
        displayName
      }
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
        displayName
      }
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      email
      displayName
    }
  }
`);
