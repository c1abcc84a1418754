import { post } from '../action/index.js';

await post();
