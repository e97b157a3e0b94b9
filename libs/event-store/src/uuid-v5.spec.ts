import { uuidV5 } from './uuid-v5.js';

describe('uuidV5', () => {
  it('matches the RFC 4122 / Python uuid.uuid5 reference values', () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com') and uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com/ä')
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});
