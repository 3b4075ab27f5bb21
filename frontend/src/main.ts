import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

// Svelte 5 mounts with mount(); `new App()` would leave the page blank.
const app = mount(App, { target: document.getElementById('app')! });

export default app;
