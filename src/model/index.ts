/**
 * The domain model (seed/model.yaml): labels, relationship types, their
 * properties and API fields. Read and checked once by loadModel; the seed
 * loader, the GraphQL layer and the exports all read it through here.
 */
export * from './spec';
export * from './limits';
export * from './fields';
export { entityDates, loadModel, MODEL_FILE, SEED_DIR } from './load';
export * from './page-keys';
