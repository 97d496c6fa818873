import { render } from 'preact';
import { App } from './shell/App';
import './styles/app.css';
import './styles/print.css';

render(<App />, document.getElementById('app')!);
