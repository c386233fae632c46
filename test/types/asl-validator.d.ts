// asl-validator 4 ships no type declarations; this is the part the tests call.
declare module "asl-validator" {
  export default function validateAsl(definition: unknown): { isValid: boolean; errors: unknown[] };
}
