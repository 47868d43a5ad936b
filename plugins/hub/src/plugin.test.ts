import { hubPlugin } from './plugin';
import alphaPlugin from './alpha';

describe('hub plugin', () => {
  it('has the plugin id the backend and the app config use', () => {
    expect(hubPlugin.getId()).toBe('hub');
    expect(alphaPlugin.pluginId).toBe('hub');
  });
});
