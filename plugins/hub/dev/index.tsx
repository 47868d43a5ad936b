import { createApp } from '@backstage/frontend-defaults';
import ReactDOM from 'react-dom/client';
import hubPlugin from '../src/alpha';

// `yarn start` in this package serves the Hub page alone against the backend on :7007.
const app = createApp({ features: [hubPlugin] });
ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
